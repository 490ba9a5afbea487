import Hummingbird

extension Workbench {
    func registerResults(_ router: Router<WorkbenchContext>) {
    }
}
