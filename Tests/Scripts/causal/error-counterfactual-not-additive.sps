# Noise that multiplies cannot be recovered by subtraction.
world = {
  x = normal 0 1
  y = x * (normal 1 0.1)  # expect error col 12: counterfactual: the noise of scm node 'y' (line 4) is not added to the rest (`normal` inside a `*`)
}
d = scm n=10 target=y world
cf = counterfactual world d do={ x = 0 }
