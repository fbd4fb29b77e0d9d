# save g "x.dot" and dot g to="x.dot" write the DOT text atomically (CausalFileTests reads them back).
g = graph { x = normal 0 1; _u = normal 0 1; y = x + _u }
save g "/tmp/sps-golden-causal-save.dot"
dot g to="/tmp/sps-golden-causal-dot.dot"
print "written"  # expect: written
save g "/nonexistent-dir/g.dot"  # expect error: /nonexistent-dir/g.dot
