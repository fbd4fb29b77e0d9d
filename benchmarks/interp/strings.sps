# String building: 600,000 pieces made by interpolation and appended to one string, then compared and measured.
# Same program in strings.py and strings.lua.
def build n {
  s = ""
  same = 0
  for i in 0..<n {
    piece = "item {i % 1000};"
    if piece == "item 7;" { same = same + 1 }
    s += piece
  }
  return [len s, same]
}
r = build 600000
print r[0] r[1]
