t = zeros 2 2
print t.shap  # expect error: tensor has no member 'shap'; did you mean 'shape'? (members: shape, T, rank, count, rows, cols)
