# A parameter drawn at random: the data does not say which value it took.
world = {
  f = sample (uniform 0.5 1)  # expect error col 3: scm node 'f' (line 3) is a parameter drawn at random
  x = normal 0 1
  y = f * x + normal 0 1
}
d = scm n=10 target=y world
cf = counterfactual world d do={ x = 0 }
