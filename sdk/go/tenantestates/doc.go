// Customer tenants as code: Acronis Cyber Protect Cloud (Account Management API v2) and Hitachi Content Platform (MAPI) tenants, as Pulumi dynamic resources and a provider plugin.
package tenantestates
