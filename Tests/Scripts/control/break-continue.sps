for i in 0..<10 {
  if i == 5 { break }
  if i % 2 == 0 { continue }
  print i
}
# expect: 1
# expect: 3
