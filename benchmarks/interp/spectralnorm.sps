# Floating-point arithmetic and calls: the spectral-norm benchmark (n = 150, 10 power iterations), with vectors as
# lists. Same program in spectralnorm.py and spectralnorm.lua.
def a i j { 1 / ((i + j) * (i + j + 1) / 2 + i + 1) }
def times v n {
  out = []
  for i in 0..<n {
    s = 0
    for j in 0..<n { s = s + a(i, j) * v[j] }
    out = append out s
  }
  return out
}
def timesTransposed v n {
  out = []
  for i in 0..<n {
    s = 0
    for j in 0..<n { s = s + a(j, i) * v[j] }
    out = append out s
  }
  return out
}
def timesAtA v n { timesTransposed (times v n) n }
def spectral n {
  u = []
  for i in 0..<n { u = append u 1 }
  v = []
  for k in 0..<10 {
    v = timesAtA u n
    u = timesAtA v n
  }
  vBv = 0
  vv = 0
  for i in 0..<n {
    vBv = vBv + u[i] * v[i]
    vv = vv + v[i] * v[i]
  }
  return sqrt(vBv / vv)
}
print (format "%.9f" (spectral 150))
