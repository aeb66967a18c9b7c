import * as pulumi from "@pulumi/pulumi";
import * as estates from "tenant-estates";

// Declares the one resource named by the stack config `case`: {"resource": "<SDK class>", "args": {…}}.
const { resource, args } = JSON.parse(new pulumi.Config().require("case")) as {
  resource: string;
  args: object;
};
const ResourceClass = (
  estates as unknown as Record<string, new (name: string, args: object) => pulumi.Resource>
)[resource];
new ResourceClass("subject", args);
