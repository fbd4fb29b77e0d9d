# Regression (TSan, reading StudyCommands): runs of `repeat` shared the variables their block captured from an
# enclosing def, so parallel runs raced on them and one run's assignments leaked into the next and into the def.
# Each run now works on its own copy.
# expect: 8 0
def study {
  n = 0
  t = repeat seeds=0..7 threads=2 {
    n = n + 1
    record v=n
  }
  print (sum t.v) n
}
study()
