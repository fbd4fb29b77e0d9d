# The noise of each node is recovered from its observed value: the data needs every node.
world = { x = normal 0 1; z = normal 0 1; y = x + z + normal 0 1 }
d = scm n=10 target=y features=[x] world
cf = counterfactual world d do={ x = 0 }  # expect error col 6: counterfactual: the data has no column 'z' for the node 'z'
