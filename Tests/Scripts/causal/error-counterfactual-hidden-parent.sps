# A hidden parent is part of the noise, and shared: the noise cannot be recovered from the data.
world = {
  _u = normal 0 1
  x = _u + normal 0 1  # expect error col 3: scm node 'x' (line 4) depends on the hidden node '_u'
  y = x + _u + normal 0 1
}
d = scm n=10 target=y world
cf = counterfactual world d do={ x = 0 }
