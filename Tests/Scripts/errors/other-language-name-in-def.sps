# Inside a def too: the error points into the def's body, where the name is read.
def clip x {
  if x > 1 { return True }  # expect error col 21: unknown name 'True'; sps writes it 'true'
  return x
}
print (clip 0.5)  # expect: 0.5
print (clip 2)
