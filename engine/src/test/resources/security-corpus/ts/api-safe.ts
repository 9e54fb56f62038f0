import { execFile } from "child_process";
import * as fs from "fs";
import * as path from "path";
import type { Request, Response } from "express";

export async function report(req: Request, res: Response): Promise<void> {
  const rows = await prisma.$queryRaw`SELECT * FROM reports WHERE owner = ${req.params.owner}`;
  res.json(rows);
}

export function render(req: Request, res: Response): void {
  const template = fs.readFileSync(path.join("templates", "main.html"), "utf8");
  res.send(template.replace("{{name}}", String(req.body.name)));
}

export function convert(input: string): void {
  execFile("convert", [input, "out.png"]);
}
