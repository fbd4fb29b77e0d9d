r = {inner: {x: 1}}
r.inner.x = 5
print r  # expect: {inner: {x: 5}}
