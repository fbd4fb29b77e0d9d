import SPSPlot
import SPSTestSupport
import Testing

/// Box statistics and histogram bins against numpy's and matplotlib's definitions.
@Suite struct StatisticsTests {
    @Test func quartilesInterpolateLinearlyLikeNumpy() throws {
        // np.percentile([1, 2, 4, 7, 11, 16], [25, 50, 75]) == [2.5, 5.5, 10.0]
        let s = try #require(BoxStatistics([16, 1, 7, 2, 11, 4]))
        #expect(isClose(s.q1, 2.5) && isClose(s.median, 5.5) && isClose(s.q3, 10))
        #expect(s.count == 6)
        #expect(s.outliers.isEmpty)
        #expect(s.lowerWhisker == 1 && s.upperWhisker == 16)
    }

    @Test func whiskersStopAtOneAndAHalfIQR() throws {
        // q1 = 3, q3 = 7, IQR = 4: fences at -3 and 13.
        let s = try #require(BoxStatistics([-10, 1, 2, 3, 4, 5, 6, 7, 8, 9, 20, .nan]))
        #expect(s.count == 11)
        #expect(isClose(s.q1, 2.5) && isClose(s.median, 5) && isClose(s.q3, 7.5))
        #expect(s.lowerWhisker == 1 && s.upperWhisker == 9)
        #expect(s.outliers == [-10, 20])
    }

    @Test func singleValueAndNoValues() throws {
        let s = try #require(BoxStatistics([4]))
        #expect(s.q1 == 4 && s.median == 4 && s.q3 == 4 && s.lowerWhisker == 4 && s.upperWhisker == 4)
        #expect(BoxStatistics([.nan, .infinity]) == nil)
        #expect(BoxStatistics([]) == nil)
    }

    @Test func histogramBinsMatchNumpy() {
        // np.histogram([0, 1, 1, 2, 3, 3, 3, 4], bins=4) -> counts [1, 2, 1, 4], edges [0, 1, 2, 3, 4]
        let h = HistogramBins([0, 1, 1, 2, 3, 3, 3, 4, .nan], bins: 4)
        #expect(h.counts == [1, 2, 1, 4])
        #expect(h.edges == [0, 1, 2, 3, 4])
    }

    @Test func histogramOfConstantValuesSpansOneUnit() {
        let h = HistogramBins([5, 5, 5], bins: 2)
        #expect(h.edges == [4.5, 5, 5.5])
        #expect(h.counts == [0, 3])
    }

    @Test func automaticBinCountFollowsSturges() {
        #expect(HistogramBins.automaticBinCount(1000) == 11)
        #expect(HistogramBins.automaticBinCount(1) == 1)
        #expect(HistogramBins([1, 2, 3, 4, 5, 6, 7, 8], bins: 0).counts.count == 4)
    }

    @Test func notesCountSkippedValues() {
        #expect(Plot.histogram([1, .nan, 2, .infinity, -.infinity]).notes == ["1 NaN and 2 infinite values skipped"])
        #expect(Plot.scatter([Series(xs: [1, 2, 3], ys: [1, 2])]).notes
                == ["a series has 3 x and 2 y values; 1 extra ignored"])
        #expect(Plot.box([]).notes == ["no data: the plot has no groups"])
        #expect(Plot.line([Series(ys: [1, 2])]).notes.isEmpty)
    }
}
