// Azure Cosmos DB for MongoDB (vCore): a MongoDB wire-protocol cluster. Gatekeeper needs no
// multi-document transactions or change streams, only single-document atomic updates and indexes.
param name string
param location string

@secure()
param adminPassword string

param adminUser string = 'gatekeeper'

@description('Compute tier; M30 is the smallest with high availability available.')
param tier string = 'M30'

param storageGb int = 32

resource cluster 'Microsoft.DocumentDB/mongoClusters@2024-07-01' = {
  name: name
  location: location
  properties: {
    administrator: { userName: adminUser, password: adminPassword }
    serverVersion: '7.0'
    compute: { tier: tier }
    storage: { sizeGb: storageGb }
    sharding: { shardCount: 1 }
    highAvailability: { targetMode: 'ZoneRedundantPreferred' }
    publicNetworkAccess: 'Enabled'
  }
}

// 0.0.0.0–0.0.0.0 admits Azure services (the container app's outbound addresses), not the internet.
resource azureServices 'Microsoft.DocumentDB/mongoClusters/firewallRules@2024-07-01' = {
  parent: cluster
  name: 'AllowAllAzureServicesAndResourcesWithinAzureIps'
  properties: { startIpAddress: '0.0.0.0', endIpAddress: '0.0.0.0' }
}

@description('Host of the cluster\'s SRV record; main.bicep builds the connection string into Key Vault.')
output host string = '${cluster.name}.global.mongocluster.cosmos.azure.com'
output adminUser string = adminUser
