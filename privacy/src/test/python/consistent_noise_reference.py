"""Independent reference for the pinned values in ConsistentNoiseTest.

A second implementation, in Python with exact Fractions, of the documented derivation in
ConsistentNoise (key = HMAC-SHA256(secret, length-prefixed encoding)), of the counter-mode stream in
ConsistentRandom, of the bit-consumption rule of ExactSampler.uniformBelow (top bits of each 64-bit
word, rejection), and of Canonne-Kamath-Steinke 2020 Algorithms 1-3. If the Java pins ever need to
change, regenerate them here and explain why in the commit.

Run: python3 src/test/python/consistent_noise_reference.py
"""
import hmac, hashlib, struct
from fractions import Fraction as F
from math import isqrt
secret=b"a server secret of thirty-two by"
def s(x): b=x.encode(); return struct.pack(">i",len(b))+b
class Stream:
    def __init__(self,key): self.key=key; self.c=0; self.buf=b""
    def next_u64(self):
        if len(self.buf)<8:
            self.buf=hmac.new(self.key,struct.pack(">q",self.c),hashlib.sha256).digest(); self.c+=1
        v=self.buf[:8]; self.buf=self.buf[8:]; return struct.unpack(">Q",v)[0]
def uniform(r,m):
    assert m>0
    if m==1: return 0
    if m<=1<<62:
        bits=(m-1).bit_length()
        while True:
            c=r.next_u64()>>(64-bits)
            if c<m: return c
    bits=(m-1).bit_length()
    while True:
        v=0; rem=bits
        while rem>0:
            t=min(rem,63); v=(v<<t)|(r.next_u64()>>(64-t)); rem-=t
        if v<m: return v
def bern(r,p): return uniform(r,p.denominator)<p.numerator
def bexp_le1(r,g):
    k=1
    while bern(r,g/k): k+=1
    return k%2==1
def bexp(r,g):
    if g<=1: return bexp_le1(r,g)
    w=g.numerator//g.denominator
    for _ in range(w):
        if not bexp_le1(r,F(1)): return False
    return bexp_le1(r,g-w)
def geom(r,t):
    while True:
        u=uniform(r,t)
        if bexp(r,F(u,t)): break
    v=0
    while bexp(r,F(1)): v+=1
    return u+t*v
def dlap(r,scale):
    t,s_=scale.numerator,scale.denominator
    while True:
        m=geom(r,t)//s_
        neg=bern(r,F(1,2))
        if neg and m==0: continue
        return -m if neg else m
def dgauss(r,s2):
    t=isqrt(s2.numerator//s2.denominator)+1
    while True:
        c=dlap(r,F(t))
        d=abs(c)-s2/t
        if bexp(r,d*d/(2*s2)): return c
def stream(ind,rel,cells,mech):
    cells=sorted(set(cells))
    enc=s("sightline/consistent-noise/v1")+s(ind)+s(rel)+struct.pack(">i",len(cells))+b"".join(s(c) for c in cells)+s(mech)
    return Stream(hmac.new(secret,enc,hashlib.sha256).digest())
W=["E00000001","E00000002","E00000003"]
print("laplace10", dlap(stream("children-in-need","2024",W,"discrete-laplace(scale=10)"),F(10)))
print("gauss10/3", dgauss(stream("children-in-need","2024",W,"discrete-gaussian(sigma^2=10/3)"),F(10,3)))
print("laplace 7/3 first 20 cells", [dlap(stream("children-in-need","2024",["c%d"%i],"discrete-laplace(scale=7/3)"),F(7,3)) for i in range(20)])
print("gauss 1000000 first 10 cells", [dgauss(stream("children-in-need","2024",["c%d"%i],"discrete-gaussian(sigma^2=1000000)"),F(1000000)) for i in range(10)])
