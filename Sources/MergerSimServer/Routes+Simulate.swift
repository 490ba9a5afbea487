import Hummingbird

extension Workbench {
    func registerSimulate(_ router: Router<WorkbenchContext>) {
    }
}
