import Hummingbird

extension Workbench {
    func registerUnits(_ router: Router<WorkbenchContext>) {
    }
}
