plot scater (spurious n=5) x=x1 y=y  # expect error: plot: unknown kind 'scater'; use scatter, line, hist, box or bar; did you mean 'scatter'?
