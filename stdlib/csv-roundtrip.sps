# csv-roundtrip.sps — write a dataset to CSV, read it back, and check nothing changed.
seed 0
d = spurious n=200 factor=0.2 envs=4
path = "/tmp/sps-stdlib-roundtrip.csv"
save d path
back = csv path target=y env=env
print back
print ((sum (back.x3 == d.x3)) == d.n)
print ((sum (back.y == d.y)) == d.n)
print ((sum (back.env == d.env)) == d.n)
