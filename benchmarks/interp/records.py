# Record field access (same program as records.sps; a record is a class instance here).
class Particle:
    def __init__(self, x, y, vx, vy, hits):
        self.x = x
        self.y = y
        self.vx = vx
        self.vy = vy
        self.hits = hits

class Last:
    def __init__(self, step, height):
        self.step = step
        self.height = height

def simulate(n):
    p = Particle(0.0, 1.0, 0.5, 0.25, 0)
    dt = 0.01
    last = None
    for i in range(0, n):
        p.vy = p.vy - 9.8 * dt
        p.x = p.x + p.vx * dt
        p.y = p.y + p.vy * dt
        if p.y < 0:
            p.y = 0 - p.y
            p.vy = 0 - p.vy * 0.9
            p.hits = p.hits + 1
        last = Last(i, p.y)
    return "%d %d %.6f %.6f" % (p.hits, last.step, p.x, p.y)

print(simulate(400000))
