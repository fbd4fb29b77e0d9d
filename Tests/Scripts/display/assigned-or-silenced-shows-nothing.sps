# Assigned, or followed by `;`, a showing command shows nothing; print shows it once.
seed 0
d = spurious n=20
t = describe d
describe d;
p = plot hist d x3
head d 1; print "after the semicolon"  # expect: after the semicolon
print (head d 3).n  # expect: 3
