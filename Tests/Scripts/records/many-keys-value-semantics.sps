# A record past 16 fields finds keys through an index (issue 15); order and value semantics are as for any record.
r = {}
for i in 0..<40 { r["k{i}"] = i }
s = r
r.k3 = "three"
r.extra = 1
print (len r) (len s) r.k3 s.k3 r.k39 (keys r)[40] (keys s)[39]  # expect: 41 40 three 3 39 extra k39
print r.k40  # expect error: record has no field 'k40'; did you mean 'k0'? (fields: k0, k1, k2, k3, k4, k5, k6, k7, k8, k9, k10, k11, k12, k13, k14, k15, k16, k17, k18, k19, … (41 fields))
