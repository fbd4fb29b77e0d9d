x = 1
y = x + z  # expect error: error-location.sps:2:9: error: unknown name 'z'
