# Record field access: 400,000 steps of a particle kept in a record (fields read, computed and set), and a
# record made at each step. Same program in records.py (a class instance) and records.lua (a table).
def simulate n {
  p = {x: 0.0, y: 1.0, vx: 0.5, vy: 0.25, hits: 0}
  dt = 0.01
  last = {}
  for i in 0..<n {
    p.vy = p.vy - 9.8 * dt
    p.x = p.x + p.vx * dt
    p.y = p.y + p.vy * dt
    if p.y < 0 {
      p.y = 0 - p.y
      p.vy = 0 - p.vy * 0.9
      p.hits = p.hits + 1
    }
    last = {step: i, height: p.y}
  }
  return format "%d %d %.6f %.6f" p.hits last.step p.x p.y
}
print (simulate 400000)
