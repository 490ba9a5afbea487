import MergerSimReports
import MergerSimStore

extension Console {
    /// A run store's notice while it waits for another process's lock: on standard error, in `labels`' language.
    func waiting(_ labels: Labels) -> RunStore.Notice {
        let error = self.error
        return { notice in error(notice.text(labels)) }
    }
}
