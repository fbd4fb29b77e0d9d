r = {alpha: 1}
print r.alpah  # expect error: record has no field 'alpah'; did you mean 'alpha'? (fields: alpha)
