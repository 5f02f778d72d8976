#---------------------------------------------------------------#
# Programas por chave de sistema - área LOGÍSTICA               #
# (exemplo sintético)                                           #
#---------------------------------------------------------------#
DATABASE logix

#---------------------------#
 FUNCTION systemkey_log()
#---------------------------#

  # WMS - armazenagem
  CALL _ADVPL_SYSTEMKEY_setAppLicenseList("WMS","wms0001,wms0002,man10021,vdp9110")

  # registro antigo, comentado com # (não vale):
  # CALL _ADVPL_SYSTEMKEY_setAppLicenseList("WMS","sup0530")

END FUNCTION
