// Gatekeeper in one resource group: a user-assigned managed identity, Key Vault (secrets), MongoDB
// (Azure Cosmos DB for MongoDB vCore, or your own Atlas cluster), the bot in Azure Container Apps, and
// the Azure Bot resource with its Teams channel and OAuth connections. The Entra app registration is not
// created here (see infra/entra/ and the README's "Deploy to your tenant").
targetScope = 'resourceGroup'

@description('Short lower-case prefix for resource names, e.g. gatekeeper or gk-prod.')
@minLength(3)
@maxLength(16)
param name string = 'gatekeeper'

param location string = resourceGroup().location

@description('The Entra app registration of the bot (MicrosoftAppId): Bot Framework, SSO and Graph.')
param botAppId string

@description('A client secret of that app registration. Stored in Key Vault only.')
@secure()
param botAppSecret string

@description('Entra tenant the bot serves (single tenant).')
param tenantId string = tenant().tenantId

@description('Container image, e.g. myregistry.azurecr.io/gatekeeper:1.0.0 (see the Dockerfile).')
param image string

@description('Registry server to pull the image from with the managed identity; empty for a public image.')
param registryServer string = ''

@description('The Teams app id (manifest id), so the bot can install itself for people it must reach.')
param teamsAppId string = ''

@description('cosmosVCore: create Azure Cosmos DB for MongoDB (vCore). atlas: use atlasConnectionString.')
@allowed(['cosmosVCore', 'atlas'])
param mongoMode string = 'cosmosVCore'

@description('MongoDB Atlas connection string (mongoMode atlas). Stored in Key Vault only.')
@secure()
param atlasConnectionString string = ''

@description('Administrator password of the Cosmos DB for MongoDB vCore cluster (mongoMode cosmosVCore).')
@secure()
param mongoAdminPassword string = ''

@description('OAuth connection the bot uses for Teams SSO (SSO_CONNECTION_NAME).')
param ssoConnectionName string = 'graph'

@description('Replicas: at least 2 for availability; they share MongoDB (see the README, "Scale out").')
@minValue(1)
param minReplicas int = 2

@maxValue(30)
param maxReplicas int = 4

var suffix = uniqueString(resourceGroup().id, name)
var cosmosOptions = 'tls=true&authMechanism=SCRAM-SHA-256&retrywrites=false&maxIdleTimeMS=120000'

module identity 'modules/identity.bicep' = {
  name: 'identity'
  params: { name: '${name}-id', location: location }
}

module mongo 'modules/mongo.bicep' = if (mongoMode == 'cosmosVCore') {
  name: 'mongo'
  params: {
    name: '${name}-mongo-${suffix}'
    location: location
    adminPassword: mongoAdminPassword
  }
}

// The connection string form the vCore docs give (retryWrites is not supported there).
var cosmosUser = mongoMode == 'cosmosVCore' ? mongo!.outputs.adminUser : ''
var cosmosHost = mongoMode == 'cosmosVCore' ? mongo!.outputs.host : ''
var cosmosUri = 'mongodb+srv://${cosmosUser}:${uriComponent(mongoAdminPassword)}@${cosmosHost}/?${cosmosOptions}'

module vault 'modules/keyvault.bicep' = {
  name: 'keyvault'
  params: {
    name: take('${name}-kv-${suffix}', 24)
    location: location
    readerPrincipalId: identity.outputs.principalId
    botAppSecret: botAppSecret
    mongoUri: mongoMode == 'atlas' ? atlasConnectionString : cosmosUri
  }
}

module app 'modules/containerapp.bicep' = {
  name: 'containerapp'
  params: {
    name: name
    location: location
    image: image
    registryServer: registryServer
    identityId: identity.outputs.id
    botAppId: botAppId
    tenantId: tenantId
    teamsAppId: teamsAppId
    ssoConnectionName: ssoConnectionName
    botSecretUri: vault.outputs.botSecretUri
    mongoUriSecretUri: vault.outputs.mongoUriSecretUri
    minReplicas: minReplicas
    maxReplicas: maxReplicas
  }
}

module bot 'modules/bot.bicep' = {
  name: 'bot'
  params: {
    name: '${name}-bot-${suffix}'
    endpoint: 'https://${app.outputs.fqdn}/api/messages'
    botAppId: botAppId
    botAppSecret: botAppSecret
    tenantId: tenantId
    ssoConnectionName: ssoConnectionName
  }
}

@description('Host name of the bot (BOT_DOMAIN for the Teams app package).')
output BOT_DOMAIN string = app.outputs.fqdn
output BOT_ENDPOINT string = 'https://${app.outputs.fqdn}/api/messages'
output BOT_AZURE_RESOURCE_NAME string = bot.outputs.name
output MANAGED_IDENTITY_CLIENT_ID string = identity.outputs.clientId
output KEY_VAULT_NAME string = vault.outputs.name
