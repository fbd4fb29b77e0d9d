# Interventional means of the case study's SCM against their closed form:
#   y = x1 + 2*x2 + 3 + N(0,1),  x3 = y/f + N(0,3),  f = 0.2
# E[y] = 3, Var[y] = 1 + 4 + 1 = 6 under every intervention on x3 (y does not listen to x3);
# do(x1 = 1): E[y] = 4, E[x3] = 4/f = 20;  do(x3 = x3 + 1): x3 shifts by 1, y unchanged.
# Conditioning is different: E[y | x3] = 3 + Cov(y, x3)/Var(x3) (x3 - 15) with Cov = Var(y)/f = 30 and
# Var(x3) = Var(y)/f^2 + 9 = 159, a slope of 30/159 = 0.18868.
world = {
  x1 = normal 0 1
  x2 = normal 0 1
  y  = x1 + 2*x2 + 3 + normal 0 1
  f  = 0.2
  x3 = y / f + normal 0 3
}
n = 200000
seed 0
obs = scm n=n target=y world
seed 0
set = scm n=n target=y do={ x3 = 100 } world
seed 0
shift = scm n=n target=y do={ x3 = x3 + 1 } world
seed 0
cause = scm n=n target=y do={ x1 = 1 } world
# Same seed, same draws: intervening on x3 leaves every y exactly as it was.
print (max (abs (set.y - obs.y))) (max (abs (shift.y - obs.y)))  # expect: 0 0
print (mean set.x3) ((max (abs (shift.x3 - obs.x3 - 1))) < 1e-4)  # expect: 100 true
print ((abs ((mean set.y) - 3)) < 0.02) ((abs ((std set.y) - (sqrt 6))) < 0.02)  # expect: true true
print ((abs ((mean cause.y) - 4)) < 0.02) ((abs ((mean cause.x3) - 20)) < 0.1)  # expect: true true
# Conditioning on x3 moves y; intervening on it does not.
dx = obs.x3 - (mean obs.x3)
slope = (mean (dx * (obs.y - (mean obs.y)))) / (mean (dx * dx))
print ((abs (slope - 30 / 159)) < 0.003)  # expect: true
# A distribution, a parameter, and environments defined as interventions (nil: none), tagged 0, 1, 2.
seed 0
noise = scm n=n target=y do={ x3 = normal 5 2 } world
print ((abs ((mean noise.x3) - 5)) < 0.02) ((abs ((std noise.x3) - 2)) < 0.02)  # expect: true true
seed 0
weaker = scm n=n target=y do={ f = 0.1 } world
print ((abs ((mean weaker.x3) - 30)) < 0.1)  # expect: true
envs = scm n=30000 target=y envs=[nil, { x3 = 0 }, { x3 = y / 0.05 + normal 0 3 }] world
e0 = envs[envs.env == 0]
e1 = envs[envs.env == 1]
e2 = envs[envs.env == 2]
print e0.n e1.n e2.n (mean e1.x3)  # expect: 10000 10000 10000 0
print ((abs ((mean e2.x3) - 60)) < 1)  # expect: true
