# Two blocks that captured one variable still share it inside a run: each run gets one copy of the variable, not
# one per block (an algorithm's objective and the block that reads its state, as groupdro's q).
def counter {
  n = 0
  return {bump: { n = n + 1 }, read: { n }}
}
c = counter()
r = repeat seeds=0..3 {
  c.bump()
  c.bump()
  record bumps=(c.read())
}
# expect: 2 2 2 2
print r.bumps[0] r.bumps[1] r.bumps[2] r.bumps[3]
# The session's own variable is untouched by the runs.
# expect: 0
print (c.read())
