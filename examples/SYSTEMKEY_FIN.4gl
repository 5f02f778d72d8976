#---------------------------------------------------------------#
# Programas por chave de sistema - área FINANCEIRO              #
# (exemplo sintético; nome do arquivo em maiúsculas)            #
#---------------------------------------------------------------#
DATABASE logix

#---------------------------#
 FUNCTION systemkey_fin()
#---------------------------#

  # Contas a receber (chave definida em logix-license.json)
  CALL _ADVPL_SYSTEMKEY_setAppLicenseList("FINCRE","fin0010,fin0020,vdp9110")

END FUNCTION
