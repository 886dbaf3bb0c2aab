#!/bin/sh
# Stands in for Prisma's native schema engine, which cannot be downloaded here.
# `prisma generate` never calls it; anything that does is told where to go.
echo "Prisma's schema engine is not installed; use npm run db:migrate." >&2
exit 1
