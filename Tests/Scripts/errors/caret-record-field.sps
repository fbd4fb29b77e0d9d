r = {loss: 1}
print r.los  # expect error col 9: record has no field 'los'; did you mean 'loss'? (fields: loss)
