import Hummingbird

extension Workbench {
    func registerCompare(_ router: Router<WorkbenchContext>) {
    }
}
