# Inside repeat, `seed` is the run's seed (a number): calling it as the command says so.
t = repeat seeds=0..1 {  # expect error: repeat: every run failed; the first: run with seed 0 failed: 'seed' is a number, not a command
  seed 5
  record a=1
}
# expect: repeat: run with seed 0 failed: 'seed' is a number, not a command, and cannot be applied to arguments (inside repeat, `seed` is the run's seed, and the run's random streams already derive from it)
# expect: repeat: run with seed 1 failed: 'seed' is a number, not a command, and cannot be applied to arguments (inside repeat, `seed` is the run's seed, and the run's random streams already derive from it)
