p = plot scatter {a: [1, 1], b: [2, 2]} x=a y=b width=30 height=6
print (len p.notes)  # expect: 0
q = plot hist {v: [1, 0/0, 2]} v
print q.notes  # expect: ["1 NaN value skipped"]
