# String building (same program as strings.sps).
def build(n):
    s = ""
    same = 0
    for i in range(0, n):
        piece = f"item {i % 1000};"
        if piece == "item 7;":
            same = same + 1
        s += piece
    return [len(s), same]

r = build(600000)
print(r[0], r[1])
