scm n=20 envs=2 target=y {
  f = sample (uniform 0 1)
  y = f + (normal 0 1) + [1, 2]  # expect error: scm node 'y' (environment 0):
}
