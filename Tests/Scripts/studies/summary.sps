t = repeat seeds=0..3 { record v=2 }
s = summary t
print s

# expect: column  mean  std  min  median  max
# expect: ──────  ────  ───  ───  ──────  ───
# expect: v          2    0    2       2    2
