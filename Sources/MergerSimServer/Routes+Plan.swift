import Hummingbird

extension Workbench {
    func registerPlan(_ router: Router<WorkbenchContext>) {
    }
}
