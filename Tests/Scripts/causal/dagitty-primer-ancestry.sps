# Ancestry questions on the graph of study question 1.4.1 of Pearl, Glymour & Jewell's Primer, as solved with
# dagitty in Textor, Forney & Pearl, "Causal Inference in Statistics: A Companion for R Users"
# (http://dagitty.net/primer/):
#   g <- dagitty('dag { X -> Y -> Z -> T ; X -> W -> Y -> T ; W -> Z }')
#   parents(g, "Z")      ## "W" "Y"
#   ancestors(g, "Z")    ## "Z" "Y" "X" "W"      (dagitty includes the node itself)
#   children(g, "W")     ## "Y" "Z"
#   descendants(g, "W")  ## "W" "Z" "T" "Y"
# sps lists nodes in the model's (causal) order and leaves the node itself out of its ancestors and descendants.
primer = {
  X = normal 0 1
  W = X + normal 0 1
  Y = X + W + normal 0 1
  Z = Y + W + normal 0 1
  T = Z + Y + normal 0 1
}
g = graph primer
print (parents g Z)  # expect: ["W", "Y"]
print (ancestors g Z)  # expect: ["X", "W", "Y"]
print (children g W)  # expect: ["Y", "Z"]
print (descendants g W)  # expect: ["Y", "Z", "T"]
print g.nodes  # expect: ["X", "W", "Y", "Z", "T"]
print (len g.edges)  # expect: 7
