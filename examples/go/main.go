// The seeds' customer tenant (Acronis' "Provisioning a customer tenant" tutorial), declared through the
// generated Go SDK (sdk/go) on the tenant-estates provider plugin; examples/yaml declares the same one.
package main

import (
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi/config"

	"tenant-estates/sdk/go/tenantestates"
	"tenant-estates/sdk/go/tenantestates/acronis"
)

func main() {
	pulumi.Run(func(ctx *pulumi.Context) error {
		settings := config.New(ctx, "")
		// One provider instance per account: here one Acronis data center.
		home, err := tenantestates.NewProvider(ctx, "home", &tenantestates.ProviderArgs{
			AcronisBaseUrl:      pulumi.String(settings.Require("acronisBaseUrl")),
			AcronisClientId:     pulumi.String(settings.Require("acronisClientId")),
			AcronisClientSecret: settings.RequireSecret("acronisClientSecret"),
		})
		if err != nil {
			return err
		}
		customer, err := acronis.NewCustomerTenant(ctx, "customer-inc", &acronis.CustomerTenantArgs{
			Name:             pulumi.String("Customer, Inc"),
			ParentId:         pulumi.String(settings.Require("partnerTenantId")),
			CustomerId:       pulumi.String("customer-inc"),
			AncestralAccess:  pulumi.Bool(true),
			EnhancedSecurity: pulumi.Bool(true),
		}, pulumi.Provider(home))
		if err != nil {
			return err
		}
		ctx.Export("customerTenantId", customer.TenantId)
		return nil
	})
}
