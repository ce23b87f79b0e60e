"""Training, mentoring, call teams, field plans and new activists stepping into roles: the
pathways of rank-and-file leadership. People are opaque ids only; the words are in this
package's README.
"""
