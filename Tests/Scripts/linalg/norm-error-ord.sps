# norm: an unknown ord name is an error at ord, with a suggestion
a = eye 2
n = norm a ord="frob"  # expect error col 16: ord must be a number, "inf", "-inf", "fro" or "nuc", got "frob"; did you mean 'fro'?
