import Foundation
import GSL

extension TransitionModel {
    /// Replications `replications` (replication i with `CommonRandom(seed:replication: i)`), in parallel
    /// on all cores unless `parallel` is false; the same as those of a serial run, in replication order.
    ///
    /// - Parameters:
    ///   - replications: the replications' numbers, which key their draws.
    ///   - seed: the run's seed.
    ///   - parallel: run them on all cores.
    ///   - progress: called with the replications of this range finished so far.
    public func simulate(replications: Range<Int>, seed: UInt64, parallel: Bool = true,
                         progress: (@Sendable (Int) -> Void)? = nil) -> [Replication] {
        guard parallel else {
            var results: [Replication] = []
            for i in replications {
                results.append(replicate(i, seed: seed))
                progress?(results.count)
            }
            return results
        }
        let box = ResultSlots<Replication>(count: replications.count)
        DispatchQueue.concurrentPerform(iterations: replications.count) { k in
            box.store(k, replicate(replications.lowerBound + k, seed: seed))
            progress?(box.finished())
        }
        return box.collect()
    }

    /// Runs replications until every headline figure is as precise as `precision` asks (see
    /// ``Precision``), checking at ``Precision/checkpoints(maximumRuns:)`` only.
    ///
    /// - Parameters:
    ///   - precision: the ±R every 95 % interval must be within.
    ///   - maximumRuns: the most replications to run.
    ///   - seed: the run's seed.
    ///   - deadlineYears: per category, the year whose end is its deadline (clamped to ``years``); all
    ///     ``years`` when nil, as ``TransitionSummary`` takes them.
    ///   - batch: replications run at once between looks at the rule (a speed setting: a batch that
    ///     passes a checkpoint runs replications a stop then leaves out; the result does not depend on it).
    ///   - parallel: run each batch on all cores.
    ///   - progress: called with the replications finished so far.
    /// - Returns: the replications used, in order, and what was reached.
    /// - Complexity: the replications run, plus O(metrics) a check.
    public func simulate(until precision: Precision, maximumRuns: Int, seed: UInt64, deadlineYears: PerCategory<Int>? = nil,
                         batch: Int = Precision.step, parallel: Bool = true,
                         progress: (@Sendable (Int) -> Void)? = nil) throws(GSLError) -> (replications: [Replication], reached: PrecisionReached) {
        precondition(batch > 0, "a batch of no replications")
        let years = self.years
        let deadlines = deadlineYears.map {
            PerCategory(cadres: min($0.cadres, years), civilServants: min($0.civilServants, years), nonProfessional: min($0.nonProfessional, years))
        } ?? PerCategory(cadres: years, civilServants: years, nonProfessional: years)
        var replications: [Replication] = []
        var moments: [HeadlineMetric: RunningMoments] = [:]
        var counted = 0
        var reached = PrecisionReached(precision: precision, runsUsed: 0, maximumRuns: maximumRuns, intervals: [])
        for checkpoint in Precision.checkpoints(maximumRuns: maximumRuns) {
            while replications.count < checkpoint {
                let start = replications.count, end = min(start + batch, maximumRuns)
                replications += simulate(replications: start..<end, seed: seed, parallel: parallel,
                                         progress: progress.map { report in { @Sendable done in report(start + done) } })
            }
            // Only the replications up to the checkpoint count, whatever the batch ran beyond it.
            while counted < checkpoint {
                let headline = TransitionSummary.Headline(replications[counted], deadlineYears: deadlines)
                for metric in HeadlineMetric.allCases { moments[metric, default: RunningMoments()].add(headline[metric]) }
                counted += 1
            }
            reached.runsUsed = checkpoint
            reached.intervals = try precision.intervals(moments)
            if reached.isReached { break }
        }
        return (Array(replications.prefix(reached.runsUsed)), reached)
    }
}

extension TransitionSummary.Headline {
    /// The headline figures of `run`: each category's surplus at the end of its deadline year (each at
    /// most the run's years), the exit packages over every year, and whether no one is over quota then.
    public init(_ run: Replication, deadlineYears: PerCategory<Int>) {
        let surplus = PerCategory(cadres: run.years[deadlineYears.cadres - 1].surplus.cadres,
                                  civilServants: run.years[deadlineYears.civilServants - 1].surplus.civilServants,
                                  nonProfessional: run.years[deadlineYears.nonProfessional - 1].surplus.nonProfessional)
        self.init(surplusAtDeadline: surplus,
                  exitCostVND: run.years.reduce(0) { $0 + $1.costVND.cadres + $1.costVND.civilServants + $1.costVND.nonProfessional },
                  allWithinQuota: surplus.cadres + surplus.civilServants + surplus.nonProfessional == 0)
    }
}
