import SPSNumeric
import SPSTraining
import Testing

/// Adding, replacing, dropping, renaming and jointly shuffling dataset columns, environments kept throughout.
@Suite struct DatasetColumnsTests {
    let data = try! Dataset(features: try! Tensor(rows: [[1, 10], [2, 20], [3, 30], [4, 40]]), target: Tensor([5, 6, 7, 8]),
                            featureNames: ["a", "b"], targetName: "y", environment: [0, 0, 1, 1])

    @Test func settingAColumnAddsOrReplacesAndKeepsEnvironments() throws {
        let added = try data.settingColumn("c", to: Tensor([9, 9, 9, 9]))
        #expect(added.featureNames == ["a", "b", "c"] && added.features.shape == [4, 3])
        #expect(try added.column(named: "c").storage == [9, 9, 9, 9])
        #expect(added.environment == [0, 0, 1, 1])
        let replaced = try data.settingColumn("a", to: Tensor([0, 0, 0, 0]))
        #expect(replaced.featureNames == ["a", "b"])
        #expect(try replaced.column(named: "a").storage == [0, 0, 0, 0])
        let before = try data.column(named: "b")
        #expect(try replaced.column(named: "b") == before)
        let target = try data.settingColumn("y", to: Tensor([1, 2, 3, 4]))
        #expect(target.target.storage == [1, 2, 3, 4] && target.features == data.features)
        #expect(throws: DataError.self) { try data.settingColumn("c", to: Tensor([1, 2])) }
        #expect(throws: DataError.self) { try data.settingColumn("X", to: Tensor([1, 2, 3, 4])) }
    }

    @Test func droppingAndRenaming() throws {
        let dropped = try data.dropping(["a"])
        #expect(dropped.featureNames == ["b"] && dropped.environment == data.environment)
        #expect(throws: DataError.self) { try data.dropping(["y"]) }
        #expect(throws: DataError.self) { try data.dropping(["q"]) }
        let renamed = try data.renaming([("a", "alpha"), ("y", "out")])
        #expect(renamed.columnNames == ["alpha", "b", "out"] && renamed.features == data.features)
        #expect(throws: DataError("renaming would give two columns the name 'b'")) { try data.renaming([("a", "b")]) }
    }

    @Test func shufflingColumnsUsesOnePermutationForAll() throws {
        var rng = RandomStream(seed: 9, purpose: .split)
        let shuffled = try data.shufflingColumns(["a", "b"], rng: &rng)
        let a = try shuffled.column(named: "a").storage, b = try shuffled.column(named: "b").storage
        #expect(zip(a, b).allSatisfy { $1 == 10 * $0 }, "pairs stay together")
        #expect(a.sorted() == [1, 2, 3, 4])
        #expect(shuffled.target == data.target && shuffled.environment == data.environment)
        var again = RandomStream(seed: 9, purpose: .split)
        let replay = try data.shufflingColumns(["a", "b"], rng: &again)
        #expect(replay.features == shuffled.features)
        #expect(throws: DataError.self) { try data.shufflingColumns(["z"], rng: &rng) }
    }
}
