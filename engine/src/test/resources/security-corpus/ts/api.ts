import { exec } from "child_process";
import * as fs from "fs";
import type { Request, Response } from "express";

export async function report(req: Request, res: Response): Promise<void> {
  const rows = await prisma.$queryRawUnsafe("SELECT * FROM reports WHERE owner = '" + req.params.owner + "'"); // expect: CDS-SEC-010
  res.json(rows);
}

export function render(req: Request, res: Response): void {
  const template = fs.readFileSync("templates/" + req.params.name, "utf8"); // expect: CDS-SEC-012
  const fn = new Function("data", template); // expect: CDS-SEC-013
  res.send(fn(req.body));
}

export function convert(input: string): void {
  exec("convert " + input + " out.png"); // expect: CDS-SEC-011
}
