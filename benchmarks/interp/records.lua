-- Record field access (same program as records.sps; a record is a table here).
local function simulate(n)
  local p = {x = 0.0, y = 1.0, vx = 0.5, vy = 0.25, hits = 0}
  local dt = 0.01
  local last = {}
  for i = 0, n - 1 do
    p.vy = p.vy - 9.8 * dt
    p.x = p.x + p.vx * dt
    p.y = p.y + p.vy * dt
    if p.y < 0 then
      p.y = 0 - p.y
      p.vy = 0 - p.vy * 0.9
      p.hits = p.hits + 1
    end
    last = {step = i, height = p.y}
  end
  return string.format("%d %d %.6f %.6f", p.hits, last.step, p.x, p.y)
end
print(simulate(400000))
