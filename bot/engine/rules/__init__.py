"""Rules over the matcher's concept hits: who is hurt, whose need it is, what was denied or explained, red flags
said in plain words. Each module cites the seed lines its rules rest on.
"""
