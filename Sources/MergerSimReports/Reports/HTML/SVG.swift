import Foundation
import MergerSim
import MergerSimInputs

/// A small writer of SVG charts for the HTML report: plot area, linear scales, axes with labels, and
/// the shapes the charts need. Every text is escaped; numbers are written with 1 decimal.
package struct SVGChart {
    package let width: Double, height: Double
    /// Margins around the plot area: left, right, top, bottom.
    package let left: Double, right: Double, top: Double, bottom: Double
    package let xRange: ClosedRange<Double>, yRange: ClosedRange<Double>
    package private(set) var body: [String] = []

    package init(width: Double, height: Double, margins: (Double, Double, Double, Double) = (56, 16, 12, 44),
         x: ClosedRange<Double>, y: ClosedRange<Double>) {
        self.width = width
        self.height = height
        (left, right, top, bottom) = margins
        xRange = x.lowerBound == x.upperBound ? (x.lowerBound - 1)...(x.upperBound + 1) : x
        yRange = y.lowerBound == y.upperBound ? (y.lowerBound - 1)...(y.upperBound + 1) : y
    }

    /// The longitudes and latitudes of `points`, each widened by `pad` degrees either side, and the frame's height
    /// over its width (a map keeps degrees roughly square by sizing its height from it).
    package static func frame(of points: [Coordinate], pad: Double = 0.02) -> (x: ClosedRange<Double>, y: ClosedRange<Double>, aspect: Double) {
        let lons = points.map(\.longitude), lats = points.map(\.latitude)
        let x = ((lons.min() ?? 0) - pad)...((lons.max() ?? 0) + pad), y = ((lats.min() ?? 0) - pad)...((lats.max() ?? 0) + pad)
        return (x, y, (y.upperBound - y.lowerBound) / max(x.upperBound - x.lowerBound, 1e-6))
    }

    package func x(_ value: Double) -> Double { left + (value - xRange.lowerBound) / (xRange.upperBound - xRange.lowerBound) * (width - left - right) }
    package func y(_ value: Double) -> Double { height - bottom - (value - yRange.lowerBound) / (yRange.upperBound - yRange.lowerBound) * (height - top - bottom) }

    package static func n(_ value: Double) -> String { String(format: "%.1f", value) }

    package static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }

    /// A closed band between two lines over the same xs.
    package mutating func band(xs: [Double], low: [Double], high: [Double], fill: String, opacity: Double) {
        let upper = zip(xs, high).map { "\(Self.n(x($0))),\(Self.n(y($1)))" }
        let lower = zip(xs, low).reversed().map { "\(Self.n(x($0))),\(Self.n(y($1)))" }
        body.append("<polygon points=\"\((upper + lower).joined(separator: " "))\" fill=\"\(fill)\" fill-opacity=\"\(opacity)\" stroke=\"none\"/>")
    }

    package mutating func line(xs: [Double], ys: [Double], stroke: String, width: Double = 2) {
        let points = zip(xs, ys).map { "\(Self.n(x($0))),\(Self.n(y($1)))" }.joined(separator: " ")
        body.append("<polyline points=\"\(points)\" fill=\"none\" stroke=\"\(stroke)\" stroke-width=\"\(width)\"/>")
    }

    /// A straight line between two points; `cssClass` names what it draws (a proposal's `join`), for readers of the page.
    package mutating func segment(_ x1: Double, _ y1: Double, _ x2: Double, _ y2: Double, stroke: String, width: Double = 1, opacity: Double = 1,
                          cssClass: String? = nil) {
        body.append("<line" + (cssClass.map { " class=\"\($0)\"" } ?? "") + " x1=\"\(Self.n(x(x1)))\" y1=\"\(Self.n(y(y1)))\" x2=\"\(Self.n(x(x2)))\" y2=\"\(Self.n(y(y2)))\" stroke=\"\(stroke)\" stroke-width=\"\(width)\" stroke-opacity=\"\(opacity)\"/>")
    }

    package mutating func dot(_ px: Double, _ py: Double, radius: Double, fill: String, title: String) {
        body.append("<circle cx=\"\(Self.n(x(px)))\" cy=\"\(Self.n(y(py)))\" r=\"\(radius)\" fill=\"\(fill)\"><title>\(Self.escape(title))</title></circle>")
    }

    /// A dashed vertical line across the plot at `value`, labelled at its top: an event on the time axis,
    /// such as the day a staff category ends.
    package mutating func marker(atX value: Double, label: String, stroke: String) {
        let px = Self.n(x(value))
        body.append("<line x1=\"\(px)\" y1=\"\(Self.n(top))\" x2=\"\(px)\" y2=\"\(Self.n(height - bottom))\" stroke=\"\(stroke)\" stroke-width=\"1.2\" stroke-dasharray=\"3 2\"/>")
        body.append("<text x=\"\(Self.n(x(value) + 3))\" y=\"\(Self.n(top + 9))\" class=\"tick\" fill=\"\(stroke)\">\(Self.escape(label))</text>")
    }

    /// A horizontal bar from 0 to `value` in row `row` of `rows`, labelled on the left.
    package mutating func bar(row: Int, rows: Int, value: Double, label: String, fill: String) {
        let rowHeight = (height - top - bottom) / Double(max(rows, 1))
        let y0 = top + Double(row) * rowHeight + rowHeight * 0.15
        body.append("<rect x=\"\(Self.n(x(0)))\" y=\"\(Self.n(y0))\" width=\"\(Self.n(x(value) - x(0)))\" height=\"\(Self.n(rowHeight * 0.7))\" fill=\"\(fill)\"/>")
        body.append("<text x=\"\(Self.n(left - 6))\" y=\"\(Self.n(y0 + rowHeight * 0.5))\" text-anchor=\"end\" dominant-baseline=\"middle\" class=\"tick\">\(Self.escape(label))</text>")
        body.append("<text x=\"\(Self.n(x(value) + 4))\" y=\"\(Self.n(y0 + rowHeight * 0.5))\" dominant-baseline=\"middle\" class=\"tick\">\(Self.n(value).replacingOccurrences(of: ".0", with: ""))</text>")
    }

    /// An element written as given (a caller's own shape; its texts escaped by the caller).
    package mutating func append(_ element: String) { body.append(element) }

    /// A vertical interval from `low` to `high` at `value` on the x axis, with short caps: a 95 % interval.
    package mutating func whisker(atX value: Double, low: Double, high: Double, stroke: String, cap: Double = 3) {
        let px = x(value), y0 = y(low), y1 = y(high)
        body.append("<path d=\"M\(Self.n(px)) \(Self.n(y0))V\(Self.n(y1))M\(Self.n(px - cap)) \(Self.n(y0))h\(Self.n(2 * cap))M\(Self.n(px - cap)) \(Self.n(y1))h\(Self.n(2 * cap))\" stroke=\"\(stroke)\" stroke-width=\"1.2\" fill=\"none\"/>")
    }

    /// A horizontal interval from `low` to `high` at `value` on the y axis, with short caps.
    package mutating func whisker(atY value: Double, low: Double, high: Double, stroke: String, cap: Double = 3) {
        let py = y(value), x0 = x(low), x1 = x(high)
        body.append("<path d=\"M\(Self.n(x0)) \(Self.n(py))H\(Self.n(x1))M\(Self.n(x0)) \(Self.n(py - cap))v\(Self.n(2 * cap))M\(Self.n(x1)) \(Self.n(py - cap))v\(Self.n(2 * cap))\" stroke=\"\(stroke)\" stroke-width=\"1.2\" fill=\"none\"/>")
    }

    /// A rectangle between two data points (x0, y0) and (x1, y1), titled for a reader who points at it.
    package mutating func rect(_ x0: Double, _ y0: Double, _ x1: Double, _ y1: Double, fill: String, opacity: Double = 1, title: String? = nil) {
        let px = min(x(x0), x(x1)), py = min(y(y0), y(y1)), w = abs(x(x1) - x(x0)), h = abs(y(y1) - y(y0))
        body.append("<rect x=\"\(Self.n(px))\" y=\"\(Self.n(py))\" width=\"\(Self.n(max(w, 0.5)))\" height=\"\(Self.n(max(h, 0.5)))\" fill=\"\(fill)\" fill-opacity=\"\(opacity)\">"
                    + (title.map { "<title>\(Self.escape($0))</title>" } ?? "") + "</rect>")
    }

    /// A text at a data point, escaped; `anchor` is SVG's text-anchor.
    package mutating func text(_ px: Double, _ py: Double, _ text: String, anchor: String = "start", dx: Double = 0, dy: Double = 0, cssClass: String = "tick") {
        body.append("<text x=\"\(Self.n(x(px) + dx))\" y=\"\(Self.n(y(py) + dy))\" text-anchor=\"\(anchor)\" dominant-baseline=\"middle\" class=\"\(cssClass)\">\(Self.escape(text))</text>")
    }

    /// Axes with ticks at `xTicks` and `yTicks` (value, label) and the axes' titles.
    package mutating func axes(xTicks: [(Double, String)], yTicks: [(Double, String)], xTitle: String, yTitle: String) {
        let x0 = left, y0 = height - bottom
        body.append("<line x1=\"\(Self.n(x0))\" y1=\"\(Self.n(y0))\" x2=\"\(Self.n(width - right))\" y2=\"\(Self.n(y0))\" stroke=\"#444\"/>")
        body.append("<line x1=\"\(Self.n(x0))\" y1=\"\(Self.n(top))\" x2=\"\(Self.n(x0))\" y2=\"\(Self.n(y0))\" stroke=\"#444\"/>")
        for (value, label) in xTicks {
            body.append("<text x=\"\(Self.n(x(value)))\" y=\"\(Self.n(y0 + 14))\" text-anchor=\"middle\" class=\"tick\">\(Self.escape(label))</text>")
        }
        for (value, label) in yTicks {
            body.append("<line x1=\"\(Self.n(x0))\" y1=\"\(Self.n(y(value)))\" x2=\"\(Self.n(width - right))\" y2=\"\(Self.n(y(value)))\" stroke=\"#ddd\"/>")
            body.append("<text x=\"\(Self.n(x0 - 6))\" y=\"\(Self.n(y(value)))\" text-anchor=\"end\" dominant-baseline=\"middle\" class=\"tick\">\(Self.escape(label))</text>")
        }
        body.append("<text x=\"\(Self.n((x0 + width - right) / 2))\" y=\"\(Self.n(height - 8))\" text-anchor=\"middle\" class=\"axis\">\(Self.escape(xTitle))</text>")
        body.append("<text transform=\"translate(11 \(Self.n((top + y0) / 2))) rotate(-90)\" text-anchor=\"middle\" class=\"axis\">\(Self.escape(yTitle))</text>")
    }

    /// "Nice" ticks from 0 (or the range's start) to the range's end: 4 to 6 round steps.
    package static func ticks(_ range: ClosedRange<Double>, whole: Bool = false) -> [Double] {
        let span = max(range.upperBound - range.lowerBound, 1e-9)
        let raw = span / 5, magnitude = pow(10, (log10(raw)).rounded(.down))
        var step = [1.0, 2, 2.5, 5, 10].map { $0 * magnitude }.first { $0 >= raw } ?? raw
        if whole { step = max(1, step.rounded(.up)) }  // counts of people or units: whole numbers only
        var ticks: [Double] = []
        var t = (range.lowerBound / step).rounded(.up) * step
        while t <= range.upperBound + step * 1e-9 {
            ticks.append(t)
            t += step
        }
        return ticks
    }

    package var svg: String {
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(Self.n(width)) \(Self.n(height))\" width=\"\(Self.n(width))\" height=\"\(Self.n(height))\" role=\"img\">"
            + body.joined() + "</svg>"
    }
}
