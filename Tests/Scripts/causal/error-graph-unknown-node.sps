g = graph { x1 = normal 0 1; y = x1 + normal 0 1 }
parents g yy  # expect error: parents: the graph has no node 'yy'; its nodes are x1, y; did you mean 'y'?
